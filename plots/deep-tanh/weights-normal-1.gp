# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-normal-1.gp` in this folder (reads weights-normal-1.dat).
reset
set terminal pngcairo size 960,1320 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-normal-1.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'N(0, 1): each layer'."'".'s weights where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 2.1905421447753906
set xrange [-74.23020820617675:46.249609756469724]
set xtics 20.0
plot 'weights-normal-1.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 1.4078365325927735
set xrange [-37.22828197479248:40.20272731781006]
set xtics 20.0
plot 'weights-normal-1.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.583535099029541
set xrange [-15.94437050819397:16.150059938430786]
set xtics 10.0
plot 'weights-normal-1.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.30052818298339845
set xrange [-8.077962493896484:8.45108757019043]
set xtics 5.0
plot 'weights-normal-1.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.3346073913574219
set xrange [-9.050520133972167:9.352886390686034]
set xtics 5.0
plot 'weights-normal-1.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.2714752769470215
set xrange [-7.517368459701538:7.413771772384644]
set xtics 2.0
plot 'weights-normal-1.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.19121662139892578
set xrange [-5.1933492660522464:5.323564910888672]
set xtics 2.0
plot 'weights-normal-1.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.16338509559631348
set xrange [-4.535229420661926:4.450950837135315]
set xtics 2.0
plot 'weights-normal-1.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.15892668724060058
set xrange [-4.371849799156189:4.369117999076844]
set xtics 2.0
plot 'weights-normal-1.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 10'
set boxwidth 0.16902894973754884
set xrange [-4.553768873214722:4.742823362350464]
set xtics 2.0
plot 'weights-normal-1.dat' index 9 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 9 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 11'
set boxwidth 0.1364282512664795
set xrange [-3.4925777673721314:4.01097605228424]
set xtics 2.0
plot 'weights-normal-1.dat' index 10 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 10 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
