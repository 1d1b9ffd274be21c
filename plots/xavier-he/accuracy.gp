# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): label, mean accuracy (%), standard deviation over seeds (%), bar text.
$accuracy << EOD
"PyTorch default" 85.842 0.621 "85.84%"
"Keras default (Glorot uniform)" 85.761 0.081 "85.76%"
"Xavier uniform" 86.231 0.426 "86.23%"
"Xavier normal" 86.275 0.345 "86.28%"
"He uniform" 86.219 0.213 "86.22%"
"He normal" 86.089 0.358 "86.09%"
"LeCun uniform" 86.167 0.417 "86.17%"
"LeCun normal" 86.103 0.462 "86.10%"
EOD
reset
set terminal pngcairo size 960,600 noenhanced font "sans,11"
set output "accuracy.png"
set title "Xavier, He and LeCun against the frameworks' defaults (the lesson's ReLU network, 3 seeds): validation accuracy"
set ylabel "Validation accuracy (%)"
set yrange [0:105]
set xrange [-0.6:7.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics rotate by -25 scale 0
set bmargin 7
plot $accuracy using 0:2:xtic(1) with boxes linecolor rgb "#4C72B0" notitle, \
     $accuracy using 0:2:3 with yerrorbars linecolor rgb "black" pointtype -1 notitle, \
     $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font ",9" notitle
