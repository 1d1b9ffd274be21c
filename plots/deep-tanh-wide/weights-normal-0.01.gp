# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-normal-0.01.gp` in this folder (reads weights-normal-0.01.dat).
reset
set terminal pngcairo size 960,1020 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-normal-0.01.png'
set style fill solid 0.5 noborder
set grid
set multiplot layout 3,3 title 'N(0, 0.01): each layer'."'".'s weights where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.003935675173997879
set xrange [-0.10727790281176568:0.09737720623612404]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.003403531014919281
set xrange [-0.08774642795324325:0.08923718482255935]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.003627151995897293
set xrange [-0.09206105843186378:0.09655084535479545]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.0031992512941360473
set xrange [-0.08547817349433899:0.08088289380073548]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.0025692084431648255
set xrange [-0.06407505512237549:0.06952378392219544]
set xtics 0.02
plot 'weights-normal-0.01.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.002504750341176987
set xrange [-0.06502377167344094:0.06522324606776238]
set xtics 0.02
plot 'weights-normal-0.01.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.003292660117149353
set xrange [-0.0892242071032524:0.08199411898851394]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.004048518687486648
set xrange [-0.08803658172488213:0.1224863900244236]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.0015461422502994538
set xrange [-0.0424647718667984:0.037934625148773195]
set xtics 0.02
plot 'weights-normal-0.01.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
