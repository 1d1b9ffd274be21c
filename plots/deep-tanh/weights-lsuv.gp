# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-lsuv.gp` in this folder (reads weights-lsuv.dat).
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
set output 'weights-lsuv.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'LSUV: each layer'."'".'s weights where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.012837610840797424
set xrange [-0.3345734730362892:0.3714951232075691]
set xtics 0.2
plot 'weights-lsuv.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.023575153350830078
set xrange [-0.6576358437538147:0.6389975905418396]
set xtics 0.5
plot 'weights-lsuv.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.023720170259475707
set xrange [-0.6247518688440323:0.6798574954271317]
set xtics 0.5
plot 'weights-lsuv.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.022261480093002318
set xrange [-0.5999870985746384:0.6243943065404892]
set xtics 0.5
plot 'weights-lsuv.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.021112356185913086
set xrange [-0.581753158569336:0.5794264316558838]
set xtics 0.5
plot 'weights-lsuv.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.02085507392883301
set xrange [-0.5369491100311279:0.6100799560546875]
set xtics 0.5
plot 'weights-lsuv.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.02318350076675415
set xrange [-0.6823337972164154:0.5927587449550629]
set xtics 0.5
plot 'weights-lsuv.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.021217378377914427
set xrange [-0.6172245353460312:0.5497312754392624]
set xtics 0.5
plot 'weights-lsuv.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.02159831762313843
set xrange [-0.5923416674137115:0.595565801858902]
set xtics 0.5
plot 'weights-lsuv.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 10'
set boxwidth 0.022399744987487792
set xrange [-0.6606692910194397:0.5713166832923889]
set xtics 0.5
plot 'weights-lsuv.dat' index 9 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 9 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 11'
set boxwidth 0.019385560154914855
set xrange [-0.5115544095635414:0.5546513989567756]
set xtics 0.2
plot 'weights-lsuv.dat' index 10 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 10 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
